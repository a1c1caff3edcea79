import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configurationVariables, loadConfig } from '../../src/core/config.js';

/**
 * compose.yaml cannot be run here (no container runtime), so this reads it. `yaml` is not a
 * dependency, and compose.yaml keeps to a small part of YAML that this reads: block mappings and
 * lists, quoted and plain scalars, JSON-style flow lists, one anchor per mapping and its aliases.
 */
type Yaml = string | Yaml[] | { [key: string]: Yaml };

function parseYaml(text: string): Yaml {
  const lines = text
    .split('\n')
    .map((raw) => raw.replace(/\s+#.*$/, '').replace(/^\s*#.*$/, ''))
    .filter((line) => line.trim() !== '')
    .map((line) => ({ indent: line.length - line.trimStart().length, text: line.trim() }));
  const anchors = new Map<string, Yaml>();
  let at = 0;

  const scalar = (value: string): Yaml => {
    if (value.startsWith('*')) {
      const found = anchors.get(value.slice(1));
      if (found === undefined) throw new Error(`compose.yaml: unknown alias ${value}`);
      return found;
    }
    if (value.startsWith('"') || value.startsWith('[')) return JSON.parse(value) as Yaml;
    if (value.startsWith("'")) return value.slice(1, -1).replaceAll("''", "'");
    return value;
  };

  const block = (indent: number): Yaml => {
    if (lines[at]!.text.startsWith('- ')) {
      const list: Yaml[] = [];
      while (at < lines.length && lines[at]!.indent === indent && lines[at]!.text.startsWith('- ')) {
        list.push(scalar(lines[at]!.text.slice(2).trim()));
        at += 1;
      }
      return list;
    }
    const mapping: Record<string, Yaml> = {};
    while (at < lines.length && lines[at]!.indent === indent) {
      const match = /^([\w.-]+):(?:\s+(.*))?$/.exec(lines[at]!.text);
      if (!match) throw new Error(`compose.yaml: cannot read "${lines[at]!.text}"`);
      const [, key, rest = ''] = match;
      at += 1;
      const anchor = /^&([\w-]+)$/.exec(rest)?.[1];
      if (rest === '' || anchor) {
        const next = lines[at];
        const nested = next && (next.indent > indent || (next.indent === indent && next.text.startsWith('- ')));
        const value = nested ? block(next.indent) : '';
        if (anchor) anchors.set(anchor, value);
        mapping[key!] = value;
      } else {
        mapping[key!] = scalar(rest);
      }
    }
    return mapping;
  };
  return block(0);
}

type Mapping = Record<string, Yaml>;
const compose = parseYaml(readFileSync(path.resolve(import.meta.dirname, '../../compose.yaml'), 'utf8')) as Mapping;
const services = compose.services as Record<string, Mapping>;
/** The services that run this project's image: the replicas and the one-off migration. */
const ours = Object.entries(services).filter(([, service]) => service.build === '.');

/** What Compose would put in the variable: `${X:?...}` must come from the operator, `${X:-d}` falls back to d. */
function interpolate(value: string, given: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, kind: string, rest: string) => {
    if (given[name] !== undefined) return given[name]!;
    if (kind === '?') throw new Error(`${name} must be given`);
    return kind === '-' ? rest : '';
  });
}

describe('compose.yaml', () => {
  it('sets for the service only variables that the configuration knows', () => {
    expect(ours.map(([name]) => name).sort()).toEqual(['api', 'migrate']);
    for (const [name, service] of ours) {
      for (const variable of Object.keys(service.environment as Mapping)) {
        expect(configurationVariables, `${name}: ${variable}`).toContain(variable);
      }
    }
  });

  it('gives every replica and the migration the same settings, and takes the secrets from the operator', () => {
    expect(services.api!.environment).toBe(services.migrate!.environment);
    const environment = services.api!.environment as Record<string, string>;
    for (const required of ['NODE_ENV', 'MONGODB_URI', 'MEILI_URL', 'PUBLIC_URL', 'JWT_ISSUER', 'TRUST_PROXY']) {
      expect(environment[required], required).toBeTruthy();
    }
    expect(environment.NODE_ENV).toBe('production');
    for (const secret of ['MEILI_MASTER_KEY', 'TOKEN_KEYS_SECRET']) {
      expect(environment[secret], secret).toMatch(new RegExp(`^\\$\\{${secret}:\\?`));
    }
    expect(() => interpolate(environment.TOKEN_KEYS_SECRET!, {})).toThrow('TOKEN_KEYS_SECRET must be given');
  });

  it('is a configuration the service accepts in production once the operator gives the secrets', () => {
    const given = {
      MEILI_MASTER_KEY: 'a-meilisearch-master-key-of-32-bytes!',
      TOKEN_KEYS_SECRET: 'a-token-keys-secret-of-at-least-32-characters',
      METRICS_TOKEN: 'a-metrics-token-of-at-least-32-characters',
      PUBLIC_URL: 'https://internships.example.org',
    };
    const environment = Object.fromEntries(
      Object.entries(services.api!.environment as Record<string, string>).map(([name, value]) => [
        name,
        interpolate(value, given),
      ]),
    );
    const config = loadConfig(environment);
    expect(config.NODE_ENV).toBe('production');
    expect(config.METRICS_TOKEN).toBe(given.METRICS_TOKEN);
    expect(config.JWT_ISSUER).toBe(given.PUBLIC_URL);
    expect(config.MONGODB_URI).toMatch(/\/\?replicaSet=rs0$/);
    expect(/^mongodb:\/\/([^/]+)\//.exec(config.MONGODB_URI!)?.[1]?.split(',')).toEqual([
      'mongo1:27017',
      'mongo2:27017',
      'mongo3:27017',
    ]);
    // Meilisearch gets the same master key as the service.
    expect(interpolate((services.meilisearch!.environment as Record<string, string>).MEILI_MASTER_KEY!, given)).toBe(
      given.MEILI_MASTER_KEY,
    );
  });

  it('runs three replicas of the service behind nginx, on a replica set of three members', () => {
    expect((services.api!.deploy as Mapping).replicas).toBe('3');
    const members = ['mongo1', 'mongo2', 'mongo3'];
    for (const member of members) {
      expect(services[member]!.image).toMatch(/^mongo:/);
      expect(services[member]!.command).toEqual(['--replSet', 'rs0', '--bind_ip_all']);
    }
    const initiate = (services['mongo-init']!.command as string[]).join(' ');
    for (const member of members) expect(initiate).toContain(`host: '${member}:27017'`);
    expect(services.meilisearch!.image).toMatch(/^getmeili\/meilisearch:/);
    expect(services.proxy!.image).toMatch(/^nginx:/);
    const nginx = readFileSync(path.resolve(import.meta.dirname, '../../deploy/nginx.conf'), 'utf8');
    expect(nginx).toMatch(/server api:3000\b/);
    expect(nginx).toMatch(/proxy_pass http:\/\/internships;/);
  });
});
