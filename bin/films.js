#!/usr/bin/env node
import { main, systemDeps } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2), systemDeps());
