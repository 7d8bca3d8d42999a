using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using IntercomPS.Client.V2;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// The client behind a proxy (tests/IntercomPS.Testing/LoopbackProxy.cs, which forwards every request to a loopback
    /// server whatever host it names, so nothing leaves the machine). The environment's proxy settings are the
    /// runtime's and are read once per process, so tests/Transport.Tests.ps1 shows them in child processes.
    /// </summary>
    public sealed class ProxyTests : IDisposable
    {
        private const string ProxyPassword = "proxy-pw-93c1";
        private readonly LoopbackServer _server = new LoopbackServer();
        private readonly LoopbackProxy _proxy;

        public ProxyTests()
        {
            _server.Answer("GET /me", 200, HostileAnswerTests.Me);
            _proxy = new LoopbackProxy(_server.ApiUri, "ops", ProxyPassword);
        }

        public void Dispose()
        {
            _proxy.Dispose();
            _server.Dispose();
        }

        private IntercomV2Client NewClient(NetworkCredential? credential)
        {
            var options = new IntercomClientOptions(new AccessToken(EmulatorFixture.Secure("loop-token")))
            {
                BaseUri = new Uri("http://intercom.test/"),
                AllowUnencryptedAuthentication = true,
                Proxy = _proxy.Uri,
                ProxyCredential = credential,
            };
            options.Retry.MaxRetries = 0;
            return new IntercomV2Client(options);
        }

        [Fact]
        public async Task RequestsGoThroughTheProxyGivenWithItsCredential()
        {
            using var client = NewClient(new NetworkCredential("ops", EmulatorFixture.Secure(ProxyPassword)));

            var me = await client.CheckConnectionAsync();

            Assert.Equal("7", me.AdminId);
            Assert.Contains("GET http://intercom.test/me HTTP/1.1", _proxy.Requests);
            Assert.Contains("Basic b3BzOnByb3h5LXB3LTkzYzE=", _proxy.Authorizations); // ops:proxy-pw-93c1
            Assert.Contains("GET /me", _server.Requests);
        }

        [Fact]
        public async Task AProxyThatRefusesIsProxyAuthenticationRequiredNamingNeitherPassword()
        {
            using var client = NewClient(new NetworkCredential("ops", EmulatorFixture.Secure("wrong-pw-5d0e")));
            var trace = new HostileAnswerTests.CollectingTrace();

            IntercomApiException failure;
            using (RequestTrace.Begin(trace)) failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.CheckConnectionAsync());

            Assert.Equal(((HttpStatusCode)407, "proxy_authentication_required"), (failure.StatusCode, failure.ErrorType));
            Assert.Contains("-ProxyCredential", failure.Message);
            Assert.Empty(_server.Requests);
            var everything = failure + string.Join("\n", trace.Lines);
            Assert.DoesNotContain("wrong-pw-5d0e", everything);
            Assert.DoesNotContain(ProxyPassword, everything);
        }

        [Theory]
        [InlineData("http://ops:s3cr3t-71aa@127.0.0.1:3128/", "-ProxyCredential")]
        [InlineData("ftp://127.0.0.1:3128/", "http or https")]
        public void AProxyAddressThatCannotBeUsedIsRefusedSayingWhy(string proxy, string why)
        {
            var refused = Assert.Throws<ArgumentException>(() => new IntercomClientOptions(new AccessToken(EmulatorFixture.Secure("t"))) { Proxy = new Uri(proxy) });

            Assert.Contains(why, refused.Message);
            Assert.DoesNotContain("s3cr3t-71aa", refused.Message);
        }
    }
}
