"""A TLS stand-in for Cognito on loopback, for .ci/run: python3 .ci/tls_stub.py CERT KEY.

Answers every request as Cognito answers a user pool that does not exist, so that a ccr command
pointed at it gets through the TLS handshake and a whole HTTP exchange. Prints "listening PORT".
"""
import http.server, ssl, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0)))
        body = b'{"__type":"ResourceNotFoundException","message":"User pool us-east-1_Stub000001 does not exist."}'
        self.send_response(400)
        self.send_header('Content-Type', 'application/x-amz-json-1.1')
        self.send_header('x-amzn-ErrorType', 'ResourceNotFoundException')
        self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
s = http.server.ThreadingHTTPServer(('127.0.0.1', 0), H)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.load_cert_chain(sys.argv[1], sys.argv[2])
s.socket = ctx.wrap_socket(s.socket, server_side=True)
print('listening', s.server_address[1], flush=True)
s.serve_forever()
