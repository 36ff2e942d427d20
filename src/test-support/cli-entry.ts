// Runs the CLI from source (through tsx), for tests that start `iotcop` as a real process.
import { main } from '../cli/main.js';

process.exitCode = await main(process.argv);
