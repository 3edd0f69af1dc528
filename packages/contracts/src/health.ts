import { z } from 'zod';
import { route } from './route.js';

export const healthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok') });

const tag = 'Service';
const health = {
  method: 'GET',
  summary: 'État du service et de sa base de données',
  tag,
  public: true,
  status: 200,
  response: healthSchema,
  errors: [503],
} as const;

export const service = {
  health: route({ ...health, path: '/api/health' }),
  /** The same check where load balancers look for it. */
  rootHealth: route({ ...health, path: '/health' }),
  ping: route({
    method: 'GET',
    path: '/api/ping',
    summary: 'Réponse immédiate, sans base de données (mesure de référence)',
    tag,
    public: true,
    status: 200,
    response: z.object({ pong: z.literal(true) }),
  }),
};
