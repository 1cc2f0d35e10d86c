// The simulator's generator is the workspace's one, so a simulation replays exactly from its seed.
export { seededRandom, type Random } from '@wildrydes/emulators';
