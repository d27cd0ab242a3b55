export function PersonSwitcher() {
  return null;
}
