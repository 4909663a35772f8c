'use client';

import { Volume2, VolumeX } from 'lucide-react';
import { useEffect, useSyncExternalStore } from 'react';
import { isSoundOn, playCriticalAlert, setSoundOn, subscribeSound, unlockAudio } from './alert-sound';

/** The console header's switch for sound and vibration on critical alerts (off by default). */
export function SoundToggle() {
  const on = useSyncExternalStore(subscribeSound, isSoundOn, () => false);

  useEffect(() => {
    if (!on) return;
    // After a reload the switch is remembered, but audio may only start after a tap or key press.
    const unlock = () => unlockAudio();
    document.addEventListener('pointerdown', unlock, { once: true });
    document.addEventListener('keydown', unlock, { once: true });
    return () => {
      document.removeEventListener('pointerdown', unlock);
      document.removeEventListener('keydown', unlock);
    };
  }, [on]);

  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      data-testid="sound-toggle"
      title="Plays a tone and vibrates (where the device can) when a critical alert arrives"
      onClick={() => {
        setSoundOn(!on);
        // Let the person hear (and feel) what a critical alert will sound like.
        if (!on) playCriticalAlert();
      }}
      className="inline-flex min-h-11 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
    >
      {on ? (
        <Volume2 aria-hidden className="size-4 text-brand-700" />
      ) : (
        <VolumeX aria-hidden className="size-4 text-slate-600" />
      )}
      Sound for critical alerts
      <span
        aria-hidden
        className={`rounded px-1.5 text-xs font-semibold ${on ? 'bg-brand-700 text-white' : 'bg-slate-200 text-slate-800'}`}
      >
        {on ? 'On' : 'Off'}
      </span>
    </button>
  );
}
