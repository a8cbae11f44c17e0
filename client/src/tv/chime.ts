/**
 * The celebration chime (issue 17): three short notes synthesised with Web Audio, no media file
 * to fetch. One AudioContext for the page's life, made at the first chime (a browser keeps only a
 * few, and a TV runs for weeks); each chime is three oscillators that stop by themselves.
 * Browsers start audio only after a user gesture unless the kiosk allows it (Chromium:
 * --autoplay-policy=no-user-gesture-required, docs/screens.md): a suspended context is asked to
 * resume, and a chime that cannot play is silently skipped; the card shows regardless.
 */
type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  const Class: AudioContextClass | undefined =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
  if (!Class) return null;
  try {
    context = new Class();
  } catch {
    return null;
  }
  return context;
}

/** C6, E6, G6: a major arpeggio, 120 ms apart, each fading out over 0.5 s. */
const NOTES = [1046.5, 1318.5, 1568];

export function playChime(): void {
  try {
    chime();
  } catch {
    // a chime that cannot play (no audio device, a browser's own limit) never takes the screen down
  }
}

function chime(): void {
  const audio = audioContext();
  if (!audio) return;
  if (audio.state === 'suspended') void audio.resume().catch(() => {});
  const start = audio.currentTime + 0.02;
  NOTES.forEach((frequency, i) => {
    const at = start + i * 0.12;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(frequency, at);
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.5);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.55);
    oscillator.onended = () => gain.disconnect();
  });
}
