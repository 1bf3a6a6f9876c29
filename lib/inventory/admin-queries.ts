import "server-only";
import { requireStaff } from "@/lib/admin/action";
import { getDb } from "@/lib/db";
import { listLowStock, stockHistory } from "./manage";

export async function getLowStock() {
  await requireStaff();
  return listLowStock(await getDb());
}

export async function getStockHistory(productId: number) {
  await requireStaff();
  return stockHistory(await getDb(), productId);
}
