// Vitest set-up. Component tests opt into a DOM with `// @vitest-environment jsdom`; the rest run in node.
import { afterEach, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

if (typeof window !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());

  // jsdom has <dialog> but not its modal methods: open/close by the attribute, as browsers do
  const proto = window.HTMLDialogElement?.prototype;
  if (proto && !proto.showModal) {
    proto.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    proto.show = proto.showModal;
    proto.close = function (this: HTMLDialogElement) {
      this.removeAttribute('open');
    };
  }
  // nor CSS.escape, which user-event needs to move through a radio group with the arrow keys
  if (!window.CSS?.escape) {
    const escape = (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`);
    Object.defineProperty(window, 'CSS', { value: { ...window.CSS, escape }, configurable: true });
  }
  // nor object URLs (downloads)
  if (!URL.createObjectURL) {
    URL.createObjectURL = () => 'blob:test';
    URL.revokeObjectURL = () => undefined;
  }
}
