"use client";

import { useState } from "react";
import { FilterIcon } from "@/components/ui/icons";

/** On phones the filters open as a sheet from a button; from md up they are a sidebar. */
export function FilterDrawer({ activeCount, children }: { activeCount: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        className="tap inline-flex items-center gap-2 rounded-full border border-line bg-surface px-4 text-sm font-medium md:hidden"
        aria-expanded={open}
        aria-controls="filters"
        onClick={() => setOpen((o) => !o)}
      >
        <FilterIcon className="h-5 w-5" />
        Filters{activeCount ? ` (${activeCount})` : ""}
      </button>
      <div id="filters" className={`${open ? "block" : "hidden"} mt-3 rounded-lg border border-line bg-surface p-4 md:mt-0 md:block md:border-0 md:bg-transparent md:p-0`}>
        {children}
      </div>
    </div>
  );
}
