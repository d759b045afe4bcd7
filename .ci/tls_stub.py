"""A TLS stand-in for Cognito and STS on loopback, for .ci/run: python3 .ci/tls_stub.py CERT KEY.

Answers STS's AssumeRole (a form-encoded POST, answered in XML, as STS does) with temporary
credentials, and every other request as Cognito answers for a user pool that does not exist, so
that a ccr command pointed at it goes through the TLS handshake, the role's XML answer and a whole
Cognito exchange. Prints "listening PORT"; GET /stats answers the AssumeRole calls it saw.
"""

import http.server
import ssl
import sys

ASSUMED = b"""<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser>
      <AssumedRoleId>AROASTUB000000000000:ccr</AssumedRoleId>
      <Arn>arn:aws:sts::123456789012:assumed-role/ci/ccr</Arn>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIASTUB000000000000</AccessKeyId>
      <SecretAccessKey>stub-secret</SecretAccessKey>
      <SessionToken>stub-session</SessionToken>
      <Expiration>2099-01-01T00:00:00Z</Expiration>
    </Credentials>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata>
</AssumeRoleResponse>"""

NO_POOL = (
    b'{"__type":"ResourceNotFoundException",'
    b'"message":"User pool us-east-1_Stub000001 does not exist."}'
)

assumed = 0


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.answer(200, "application/json", b'{"assumed": %d}' % assumed)

    def do_POST(self):
        global assumed
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if b"Action=AssumeRole" in body:
            assumed += 1
            self.answer(200, "text/xml", ASSUMED)
        else:
            self.answer(400, "application/x-amz-json-1.1", NO_POOL, "ResourceNotFoundException")

    def answer(self, code, kind, body, error=None):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        if error:
            self.send_header("x-amzn-ErrorType", error)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(sys.argv[1], sys.argv[2])
server.socket = context.wrap_socket(server.socket, server_side=True)
print("listening", server.server_address[1], flush=True)
server.serve_forever()
