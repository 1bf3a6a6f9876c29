import "server-only";
import { staffRead } from "@/lib/admin/action";
import { listLowStock, stockHistory } from "./admin";

export const getLowStock = staffRead((db) => listLowStock(db));
export const getStockHistory = staffRead((db, productId: number) => stockHistory(db, productId));
