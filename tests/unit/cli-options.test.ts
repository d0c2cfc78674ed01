import { describe, expect, it } from 'vitest';
import { CliError, defaultDataDir, parseCliOptions } from '../../electron/host/cli-options.js';

describe('command-line options', () => {
  it('has working defaults', () => {
    expect(parseCliOptions([], {})).toMatchObject({
      port: 5150,
      host: '127.0.0.1',
      role: 'kiosk',
      kiosk: true,
      headless: false,
      timeZone: 'Asia/Shanghai',
      allowedHosts: [],
    });
  });

  it('takes environment defaults and lets flags override them', () => {
    const env = { YIZHAN_PORT: '6000', YIZHAN_DATA_DIR: '/srv/env', YIZHAN_HOST: '0.0.0.0' };
    expect(parseCliOptions([], env)).toMatchObject({ port: 6000, dataDir: '/srv/env', host: '0.0.0.0' });
    expect(parseCliOptions(['--port', '7000', '--data-dir', '/srv/flag'], env)).toMatchObject({ port: 7000, dataDir: '/srv/flag' });
  });

  it('finds the key file and the daily backups beside the data by default, elsewhere when told', () => {
    expect(parseCliOptions(['--data-dir', '/srv/y'], {})).toMatchObject({ keyFile: undefined, backupDir: '/srv/y/backups', backupKeep: 14 });
    const env = { YIZHAN_KEY_FILE: '/etc/yizhan/hall.key', YIZHAN_BACKUP_DIR: '/mnt/nas/yizhan' };
    expect(parseCliOptions(['--backup-keep', '30'], env)).toMatchObject({ keyFile: '/etc/yizhan/hall.key', backupDir: '/mnt/nas/yizhan', backupKeep: 30 });
    expect(parseCliOptions(['--key-file', '/k', '--backup-dir', 'none'], env)).toMatchObject({ keyFile: '/k', backupDir: null });
    expect(() => parseCliOptions(['--backup-keep', '0'], {})).toThrow(/--backupKeep/);
  });

  it('uses the Electron userData folder for the default data directory on Linux', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/a/.config' }, 'linux')).toBe('/home/a/.config/Yizhan');
  });

  it('refuses bad values and unknown flags with the usage text', () => {
    expect(() => parseCliOptions(['--port', '99999'], {})).toThrow(CliError);
    expect(() => parseCliOptions(['--role', 'janitor'], {})).toThrow(/--role/);
    expect(() => parseCliOptions(['--bogus'], {})).toThrow(/Unknown option[\s\S]*Usage/);
    expect(() => parseCliOptions(['--hub', 'ftp://x'], {})).toThrow(/--hub/);
    expect(parseCliOptions(['--help'], {})).toBe('help');
  });

  it('in lenient mode (Electron argv) ignores the app path and Chromium switches', () => {
    const argv = ['/opt/yizhan/app', '--no-sandbox', '--role', 'display', '--hub', 'http://192.168.1.10:5150/', '--enable-features=X'];
    expect(parseCliOptions(argv, {}, { lenient: true, defaultDataDir: '/u' })).toMatchObject({
      role: 'display',
      hub: 'http://192.168.1.10:5150',
      dataDir: '/u',
    });
  });
});
