// Preloaded (node --import) into a test instance: on SIGUSR2 its monotonic clock falls a minute
// behind its wall clock, as after a VM is paused and resumed and NTP steps the wall clock on.
// Next compares cache-tag expiries across the two clocks (lib/cache/shared-tags-handler.mjs).
const monotonic = performance.now.bind(performance);
let behind = 0;
performance.now = () => monotonic() - behind;
process.on("SIGUSR2", () => {
  behind = 60_000;
});
