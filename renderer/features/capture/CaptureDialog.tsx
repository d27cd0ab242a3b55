export function CaptureDialog() {
  return null;
}
