// Optional sound and vibration for critical alerts: off unless the person turns it on,
// remembered on this device. The tone is synthesised (WebAudio), so there is no file to load.
const KEY = 'vigil.console.criticalSound';
const CHANGED = 'vigil:critical-sound';

export function isSoundOn(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function setSoundOn(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, 'on');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage can be blocked (private mode); the toggle then lasts for this page only.
  }
  window.dispatchEvent(new Event(CHANGED));
}

/** For useSyncExternalStore: changes from this tab and from other tabs. */
export function subscribeSound(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}

let ctx: AudioContext | null = null;

/** Browsers only start audio after a tap or key press; call this from one. */
export function unlockAudio(): void {
  const Ctor =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return;
  ctx ??= new Ctor();
  if (ctx.state === 'suspended') ctx.resume().catch(() => undefined);
}

/** Two short, high beeps and a buzz where the device can. */
export function playCriticalAlert(): void {
  try {
    unlockAudio();
    if (ctx && ctx.state === 'running') {
      const start = ctx.currentTime + 0.01;
      for (const offset of [0, 0.28]) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'sine';
        osc.frequency.value = 880;
        gain.gain.setValueAtTime(0.0001, start + offset);
        gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.2);
        osc.connect(gain).connect(ctx.destination);
        osc.start(start + offset);
        osc.stop(start + offset + 0.22);
      }
    }
  } catch {
    // A missing or blocked audio device must never break the feed.
  }
  if (typeof navigator.vibrate === 'function') navigator.vibrate([200, 100, 200]);
}
