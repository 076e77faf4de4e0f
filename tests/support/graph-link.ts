import { createServer, connect, type Server, type Socket } from "node:net";

/**
 * Bolt messages as the driver writes them, enough to know one in a stream: a COMMIT is a chunk of two
 * bytes, a structure without fields (0xB0) of signature 0x12; a BEGIN a structure with one field
 * (0xB1, its metadata) of signature 0x11.
 */
export const boltMessages = {
  commit: Buffer.from([0x00, 0x02, 0xb0, 0x12]),
  begin: Buffer.from([0xb1, 0x11]),
};

/**
 * A TCP relay to Neo4j that can be cut (listener closed, open connections destroyed) and restored on
 * the same port, and that can hold Neo4j's answers to one message for a while, as a database that
 * stalls (a restart, a pause) would.
 */
export class GraphLink {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private hold: { message: Buffer; ms: number } | undefined;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      let heldUntil = 0;
      const held: Buffer[] = [];
      client.on("data", (chunk: Buffer) => {
        if (this.hold && chunk.includes(this.hold.message)) {
          heldUntil = Date.now() + this.hold.ms;
          this.hold = undefined;
          setTimeout(() => {
            for (const answer of held.splice(0)) client.write(answer);
          }, heldUntil - Date.now());
        }
        upstream.write(chunk);
      });
      upstream.on("data", (chunk: Buffer) => {
        if (Date.now() < heldUntil || held.length > 0) held.push(chunk);
        else client.write(chunk);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Neo4j's answers on the connection that next sends `message` reach the driver `ms` late (once). */
  holdAnswersTo(message: Buffer, ms: number): void {
    this.hold = { message, ms };
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}
