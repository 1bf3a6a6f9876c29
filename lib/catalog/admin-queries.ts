import "server-only";
import { staffRead } from "@/lib/admin/action";
import { getAdminProduct, listAdminProducts, listCategoryOptions } from "./admin";
import { exportProductsCsv } from "./csv";
import { listImages } from "./images";

// Staff reads for /admin/products: the role is checked here too, so no page can forget it.
export const getAdminProducts = staffRead(listAdminProducts);
export const getProductForEdit = staffRead(getAdminProduct);
export const getCategoryOptions = staffRead(listCategoryOptions);
export const getProductImages = staffRead(listImages);
export const getProductsCsv = staffRead(exportProductsCsv);
