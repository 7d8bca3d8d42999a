using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// An answer kept as its bytes until its reader takes it (the v1 pager's pages ahead): read only when asked, once,
    /// and its borrowed buffer given back whether it is read or not.
    /// </summary>
    public sealed class UnreadAnswerTests
    {
        private static async Task<AnswerBody> BodyAsync(string text)
        {
            using var response = new HttpResponseMessage { Content = new StringContent(text, Encoding.UTF8) };
            return await AnswerBody.ReadAsync(response, HttpMethod.Get, new Uri("http://127.0.0.1/users"), CancellationToken.None);
        }

        [Fact]
        public async Task TheBytesAreReadOnlyWhenAskedAndOnlyOnce()
        {
            var reads = 0;
            var answer = new UnreadAnswer<string>(await BodyAsync("{\"users\":[]}"), body => { reads++; return body.Text; });
            Assert.Equal(0, reads);

            Assert.Equal("{\"users\":[]}", answer.Read());
            Assert.Equal(1, reads);
            Assert.Throws<ObjectDisposedException>(() => answer.Read());
            answer.Dispose(); // after a read: nothing left to give back, and no error
            Assert.Equal(1, reads);
        }

        [Fact]
        public async Task AnAnswerDisposedUnreadIsNeverRead()
        {
            var reads = 0;
            var answer = new UnreadAnswer<string>(await BodyAsync("{}"), body => { reads++; return body.Text; });

            answer.Dispose();
            answer.Dispose();

            Assert.Throws<ObjectDisposedException>(() => answer.Read());
            Assert.Equal(0, reads);
        }

        [Fact]
        public async Task ADetachedBodyLeavesTheOriginalEmpty()
        {
            var original = await BodyAsync("{\"a\":1}");
            using var owner = original.Detach();

            Assert.Equal("{\"a\":1}", owner.Text);
            Assert.Throws<ObjectDisposedException>(() => original.Text);
            original.Dispose(); // gives nothing back: the buffer is the new owner's
            Assert.Equal("{\"a\":1}", owner.Text);
        }
    }
}
