export function WhoAreYou() {
  return null;
}
