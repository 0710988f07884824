// Spoken answers in the browser: record with the microphone and send the audio to the server's
// transcription endpoint, or, when the server has none, use the browser's own speech
// recognition. The interview page (app/src/components/voice.rs) calls these functions; one
// recording runs at a time. Every failure is an Error whose message is a sentence for the
// candidate.

const TRANSCRIBE_URL = '/voice/transcribe';

let active = null;

function Recognition() {
  return globalThis.SpeechRecognition || globalThis.webkitSpeechRecognition || null;
}

function canRecord() {
  return !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia && globalThis.MediaRecorder);
}

// 'recorder', 'speech', or '' when this browser can do neither for the server's `mode`
// ('transcriber': the server transcribes; 'browser': the browser must).
export function voiceSupport(mode) {
  if (mode === 'transcriber') return canRecord() ? 'recorder' : '';
  return Recognition() ? 'speech' : '';
}

function microphoneProblem(error) {
  switch (error && error.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Microphone access was refused. Allow the microphone for this site in the browser\u2019s address bar, or type your answer.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No microphone was found. Connect one and try again, or type your answer.';
    case 'NotReadableError':
      return 'The microphone is in use by another program. Close it and try again, or type your answer.';
    default:
      return 'The microphone could not be started. Try again, or type your answer.';
  }
}

function speechProblem(code) {
  switch (code) {
    case 'not-allowed':
    case 'service-not-allowed':
      return 'Microphone access was refused. Allow the microphone for this site, or type your answer.';
    case 'audio-capture':
      return 'No microphone was found. Connect one and try again, or type your answer.';
    case 'network':
      return 'The browser\u2019s speech recognition service could not be reached. Type your answer instead.';
    case 'no-speech':
      return 'No speech was heard. Check your microphone, then record again or type your answer.';
    default:
      return 'The browser\u2019s speech recognition stopped unexpectedly. Try again, or type your answer.';
  }
}

// Calls onLevel(0..1) about twenty times a second with the microphone's loudness.
function levelMeter(stream, onLevel) {
  const Context = globalThis.AudioContext || globalThis.webkitAudioContext;
  if (!Context) return { close() {} };
  const context = new Context();
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getByteTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += ((sample - 128) / 128) ** 2;
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
  }, 50);
  return {
    close() {
      clearInterval(timer);
      context.close().catch(() => {});
    },
  };
}

async function startRecorder(onLevel) {
  if (!canRecord()) throw new Error('This browser cannot record audio. Type your answer instead.');
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch (error) {
    throw new Error(microphoneProblem(error));
  }
  const type = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm', 'audio/mp4'].find(
    (candidate) => MediaRecorder.isTypeSupported(candidate),
  );
  const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
  const chunks = [];
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data && event.data.size) chunks.push(event.data);
  });
  recorder.start(1000);
  active = { kind: 'recorder', stream, recorder, chunks, meter: levelMeter(stream, onLevel) };
}

function release(recording) {
  recording.meter.close();
  for (const track of recording.stream.getTracks()) track.stop();
}

async function stopRecorder(recording) {
  const stopped = new Promise((resolve) => recording.recorder.addEventListener('stop', resolve, { once: true }));
  if (recording.recorder.state !== 'inactive') recording.recorder.stop();
  await stopped;
  release(recording);
  const audio = new Blob(recording.chunks, { type: recording.recorder.mimeType || 'audio/webm' });
  if (!audio.size) {
    throw new Error('The recording is empty. Check that your microphone is on, then record again.');
  }
  let response;
  try {
    response = await fetch(TRANSCRIBE_URL, {
      method: 'POST',
      body: audio,
      headers: { 'Content-Type': audio.type || 'application/octet-stream' },
      credentials: 'same-origin',
    });
  } catch {
    throw new Error('We could not reach the server to transcribe your recording. Check your connection and try again, or type your answer.');
  }
  let reply = null;
  try {
    reply = await response.json();
  } catch {
    reply = null;
  }
  if (!response.ok || !reply || typeof reply.text !== 'string') {
    throw new Error(
      (reply && typeof reply.message === 'string' && reply.message) ||
        'Your recording could not be turned into text. Try again, or type your answer.',
    );
  }
  return { text: reply.text, seconds: reply.seconds ?? null, pauses: reply.pauses ?? null };
}

function startSpeech(onProblem) {
  const Constructor = Recognition();
  if (!Constructor) throw new Error('This browser has no speech recognition. Type your answer instead.');
  const recognition = new Constructor();
  recognition.continuous = true;
  recognition.interimResults = false;
  recognition.lang = document.documentElement.lang || 'en-US';
  const recording = { kind: 'speech', recognition, finals: [], problem: null };
  recognition.onresult = (event) => {
    for (let i = event.resultIndex; i < event.results.length; i += 1) {
      const result = event.results[i];
      if (result.isFinal && result[0]) recording.finals.push(String(result[0].transcript).trim());
    }
  };
  recognition.onerror = (event) => {
    recording.problem = speechProblem(event.error);
    if (event.error !== 'no-speech') onProblem(recording.problem);
  };
  recording.ended = new Promise((resolve) => {
    recognition.onend = resolve;
  });
  recognition.start();
  active = recording;
}

async function stopSpeech(recording) {
  try {
    recording.recognition.stop();
  } catch {
    // Already ended on its own (silence, an error): what it heard is kept.
  }
  await recording.ended;
  const text = recording.finals.filter(Boolean).join(' ').trim();
  if (!text) {
    throw new Error(recording.problem || 'No speech was heard. Check your microphone, then record again or type your answer.');
  }
  return { text, seconds: null, pauses: null };
}

// Starts recording with `kind` ('recorder' or 'speech'). onLevel(0..1) shows the microphone's
// loudness (recorder only); onProblem(message) reports a failure while recording.
export async function startVoice(kind, onLevel, onProblem) {
  cancelVoice();
  if (kind === 'recorder') await startRecorder(onLevel);
  else startSpeech(onProblem);
}

// Stops the recording and resolves with what was heard: {text, seconds, pauses} (seconds and
// pauses are null when unknown).
export async function stopVoice() {
  const recording = active;
  active = null;
  if (!recording) throw new Error('Nothing is being recorded.');
  return recording.kind === 'recorder' ? stopRecorder(recording) : stopSpeech(recording);
}

// Stops any recording without transcribing it (leaving the page, starting another).
export function cancelVoice() {
  const recording = active;
  active = null;
  if (!recording) return;
  if (recording.kind === 'recorder') {
    if (recording.recorder.state !== 'inactive') recording.recorder.stop();
    release(recording);
  } else {
    try {
      recording.recognition.abort();
    } catch {
      // Nothing to abort.
    }
  }
}
