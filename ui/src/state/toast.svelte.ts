/** The current toast message (one at a time; a new one replaces the old). */
export interface ToastMessage {
  text: string;
  error?: boolean;
  action?: { label: string; run: () => void };
}

export const toast = $state<{ current: ToastMessage | null }>({ current: null });
let timer: ReturnType<typeof setTimeout> | null = null;

export function showToast(message: ToastMessage, ms = 8000): void {
  toast.current = message;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => (toast.current = null), ms);
}

export function dismissToast(): void {
  toast.current = null;
}
