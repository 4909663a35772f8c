// The embedded MQTT broker (aedes) for machines without one: `npm start` with no
// MQTT_URL gets a broker on 127.0.0.1:<VIGIL_MQTT_PORT> so cameras and sensors can
// publish straight away. Loopback only: an open broker would accept anyone's events.
import { createServer, type Server } from 'node:net';

export async function startEmbeddedBroker(port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const { Aedes } = await import('aedes');
  const broker = await Aedes.createBroker();
  const server: Server = createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `mqtt://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => broker.close(() => resolve()));
      }),
  };
}
