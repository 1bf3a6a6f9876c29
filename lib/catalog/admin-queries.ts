import "server-only";
import { requireStaff } from "@/lib/admin/action";
import { getDb } from "@/lib/db";
import { getAdminProduct, listAdminProducts, listCategoryOptions, type AdminListParams } from "./admin-list";
import { listImages } from "./images";

/** Staff reads for /admin/products: the role is checked here too, so no page can forget it. */
export async function getAdminProducts(p: AdminListParams) {
  await requireStaff();
  return listAdminProducts(await getDb(), p);
}

export async function getProductForEdit(id: number) {
  await requireStaff();
  return getAdminProduct(await getDb(), id);
}

export async function getCategoryOptions() {
  await requireStaff();
  return listCategoryOptions(await getDb());
}

export async function getProductImages(productId: number) {
  await requireStaff();
  return listImages(await getDb(), productId);
}
