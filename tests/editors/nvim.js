// Runs a probe script (tests/editors/nvim_*probe.lua) in `nvim --headless` with the plugins in
// editors/vim and editors/nvim on the runtimepath and nothing of the user's, and returns the JSON
// the probe wrote to $TARIFF_PROBE_OUT.
'use strict';
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const repo = path.resolve(__dirname, '..', '..');

function runProbe(probe, env = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tariff-nvim-'));
  try {
    const output = path.join(dir, 'probe.json');
    const plugins = [path.join(repo, 'editors', 'vim'), path.join(repo, 'editors', 'nvim')].join(',');
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n',
      '--cmd', `set runtimepath^=${plugins}`, '--cmd', 'filetype plugin on', '--cmd', 'syntax on',
      '-c', `luafile ${path.join(__dirname, probe)}`, '-c', 'qall!'], {
      env: { ...process.env, ...env, TARIFF_PROBE_OUT: output }, encoding: 'utf8', timeout: 120000,
    });
    assert.equal(run.status, 0, `nvim failed (${run.error || run.signal || run.status}): ${run.stderr}${run.stdout}`);
    assert.ok(fs.existsSync(output), `${probe} wrote nothing: ${run.stderr}${run.stdout}`);
    return JSON.parse(fs.readFileSync(output, 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { runProbe };
