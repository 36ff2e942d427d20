#!/usr/bin/env node
// Placeholder until the assessment engine lands.
console.log('demo: not yet available');
