// A loopback port nobody listens on right now, for a server a test starts in another process.
import net from 'node:net'

export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => { resolve(port) })
    })
  })
}
