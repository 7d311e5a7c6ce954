/**
 * What jsdom lacks and Fluent UI needs: MessageBar measures itself with ResizeObserver. Browsers
 * all have it; in tests nothing is ever resized, so an observer that never fires is faithful enough.
 */
class ResizeObserverStandIn {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  Object.assign(window, { ResizeObserver: ResizeObserverStandIn });
}
export {};
