// Before any browser starts: the spoken answer Chromium's fake microphone plays in voice.spec.ts,
// spoken by Debian's espeak-ng into a WAV (a voice and pace pocketsphinx recognises well).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { spokenAnswerWav } from './playwright.config';

export const SPOKEN_ANSWER =
  'At my last job I moved our payment service to a message queue. The system handled twice the traffic and the latency fell by half.';

export default function makeSpokenAnswer() {
  mkdirSync(path.dirname(spokenAnswerWav), { recursive: true });
  execFileSync('espeak-ng', ['-v', 'en-us+f2', '-s', '120', '-w', spokenAnswerWav, SPOKEN_ANSWER]);
}
