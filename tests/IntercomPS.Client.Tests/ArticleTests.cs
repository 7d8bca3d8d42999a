using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Client.V2;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// Help center articles (IArticles) against a loopback 2.14 server: the listing writes each article once however the
    /// list moves under it, search sends its filters, a write sends only what is given, and a delete is never repeated.
    /// </summary>
    public sealed class ArticleTests : IDisposable
    {
        private readonly LoopbackServer _server = new LoopbackServer();

        public void Dispose() => _server.Dispose();

        private static string Page(int total, int totalPages, params int[] ids) =>
            $"{{\"type\":\"list\",\"total_count\":{total},\"pages\":{{\"type\":\"pages\",\"page\":1,\"per_page\":2,\"total_pages\":{totalPages}}},\"data\":[" +
            string.Join(",", ids.Select(id => $"{{\"id\":\"{id}\",\"type\":\"article\",\"title\":\"Article {id}\",\"state\":\"draft\",\"author_id\":7}}")) + "]}";

        private static async Task<List<string>> ReadAllAsync(IPageReader<Article> reader)
        {
            var ids = new List<string>();
            while (await reader.NextAsync() is { } page) ids.AddRange(page.Select(article => article.Id!));
            return ids;
        }

        [Fact]
        public async Task AListThatDoesNotMoveIsReadPageByPageOnce()
        {
            _server.Answer("GET /articles?page=2", 200, Page(3, 2, 3));
            _server.Answer("GET /articles?page=1", 200, Page(3, 2, 1, 2));
            using var client = HostileAnswerTests.NewClient(_server);
            using var reader = client.ListArticles();

            Assert.Equal(["1", "2", "3"], await ReadAllAsync(reader));
            Assert.Equal(3, reader.TotalCount);
            Assert.Equal(2, _server.Requests.Count);
        }

        [Fact]
        public async Task AServerThatServesSmallerPagesThanAskedIsReadToItsLastPage()
        {
            // per_page=50 asked, pages of 2 served (a server that caps or ignores per_page): five articles on three pages.
            // The walk's guard against a list that says too many pages counted pages of 50, so it stopped after page 2.
            _server.Answer("GET /articles?page=3", 200, Page(5, 3, 5));
            _server.Answer("GET /articles?page=2", 200, Page(5, 3, 3, 4));
            _server.Answer("GET /articles?page=1", 200, Page(5, 3, 1, 2));
            using var client = HostileAnswerTests.NewClient(_server);
            using var reader = client.ListArticles();

            Assert.Equal(["1", "2", "3", "4", "5"], await ReadAllAsync(reader));
            Assert.Equal(3, _server.Requests.Count);
        }

        [Fact]
        public async Task AListThatMovedWhileReadIsReadAgainAndEachArticleWrittenOnce()
        {
            // Pass 1: page 1 is 1, 2 of five; then 1 and 2 are deleted, so page 2 of the three left (3, 4, 5 shifted up) is 5 alone.
            // Pass 2 finds 3 and 4; pass 3 finds nothing new and ends the walk.
            _server.Answer("GET /articles?page=2", 200, Page(2, 1));
            _server.Answer("GET /articles?page=1", 200, Page(2, 1, 3, 4));
            _server.Answer("GET /articles?page=2", 200, Page(3, 2, 5), times: 1);
            _server.Answer("GET /articles?page=1", 200, Page(5, 3, 1, 2), times: 1);
            using var client = HostileAnswerTests.NewClient(_server);
            using var reader = client.ListArticles();

            Assert.Equal(["1", "2", "5", "3", "4"], await ReadAllAsync(reader));
            Assert.Equal(5, reader.TotalCount);
            Assert.Equal(4, _server.Requests.Count); // page 1 and 2, page 1 (its page 2 past its one page), page 1
        }

        [Fact]
        public async Task AListThatKeepsMovingEndsAfterItsPassesWithAnErrorNotASilentGap()
        {
            // Every page says another total_count, and every first page brings an article not seen yet.
            const int passes = NumberedWalk<ArticleObject, Article>.MaxPasses;
            for (var i = passes + 5; i > 0; i--)
            {
                _server.Answer("GET /articles?page=2", 200, Page(200 + i, 2), times: 1);
                _server.Answer("GET /articles?page=1", 200, Page(100 + i, 2, i), times: 1);
            }
            using var client = HostileAnswerTests.NewClient(_server);
            using var reader = client.ListArticles();

            var ids = new List<string>();
            var failure = await Assert.ThrowsAsync<IntercomApiException>(async () =>
            {
                while (await reader.NextAsync() is { } page) ids.AddRange(page.Select(article => article.Id!));
            });
            Assert.Equal(Enumerable.Range(1, passes).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ids);
            Assert.Equal(IntercomApiException.ListMovingType, failure.ErrorType);
            Assert.Null(failure.StatusCode);
            Assert.Contains("kept moving", failure.Message, StringComparison.Ordinal);
            Assert.Equal(2 * passes, _server.Requests.Count);
        }

        /// <summary>A list of numbered pages of 50, newest first, from which the pipeline deletes each page's articles as it is written.</summary>
        private static (NumberedWalk<ArticleObject, Article> Walk, List<string> Left) DeletedAsRead(int count)
        {
            var left = Enumerable.Range(1, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var walk = new NumberedWalk<ArticleObject, Article>(new Uri("https://api.intercom.io/articles"), "an article", 50, (page, token) =>
            {
                var items = left.Skip((page - 1) * 50).Take(50).Select(id => new ArticleObject { Id = id }).ToArray();
                return Task.FromResult((items, (long?)left.Count, (int?)((left.Count + 49) / 50)));
            }, item => item.Id, item => item.ToArticle(), default);
            return (walk, left);
        }

        [Fact]
        public async Task AListThePipelineEmptiesAsItIsReadIsReadToTheEndHoweverLong()
        {
            // Get-IntercomArticle | Remove-IntercomArticle over 1,000 articles: each deletion shifts the pages after it, so
            // each pass reads every other page of what is left. Three passes wrote 875 and stopped without a word.
            var (walk, left) = DeletedAsRead(1000);
            var written = new List<string>();
            while (await walk.NextAsync() is { } page)
            {
                written.AddRange(page.Select(article => article.Id!));
                left.RemoveAll(id => page.Any(article => article.Id == id));
            }

            Assert.Empty(left);
            Assert.Equal(1000, written.Distinct().Count());
            Assert.Equal(1000, written.Count);
        }

        [Fact]
        public async Task SearchSendsThePhraseAndStateAndRefusesAnotherState()
        {
            _server.Answer("GET /articles/search", 200, "{\"type\":\"list\",\"total_count\":1,\"pages\":{\"page\":1,\"total_pages\":1},\"data\":{\"articles\":[{\"id\":\"9\",\"title\":\"Old plan\"}],\"highlights\":[]}}");
            using var client = HostileAnswerTests.NewClient(_server);
            using var reader = client.SearchArticles("old plan", "published");

            Assert.Equal(["9"], await ReadAllAsync(reader));
            Assert.Equal("GET /articles/search?page=1&per_page=50&phrase=old%20plan&state=published", string.Join(' ', _server.Requests.Single().Split(' ').Take(2)));
            Assert.Throws<ArgumentException>(() => client.SearchArticles("x", "live"));
        }

        [Fact]
        public async Task AnUpdateSendsOnlyWhatIsGivenAndADeleteAnswered503IsNotRepeated()
        {
            _server.Answer("PUT /articles/9", 200, "{\"id\":\"9\",\"type\":\"article\",\"title\":\"Old plan\",\"state\":\"draft\"}");
            _server.Answer("DELETE /articles/9", 503, "{\"type\":\"error.list\",\"errors\":[{\"code\":\"service_unavailable\",\"message\":\"busy\"}]}");
            using var client = HostileAnswerTests.NewClient(_server, maxRetries: 3);

            var updated = await client.UpdateArticleAsync("9", new ArticleChanges { State = "draft" });
            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.DeleteArticleAsync("9"));

            Assert.Equal("draft", updated.State);
            Assert.Equal("{\"state\":\"draft\"}", _server.Bodies.First());
            Assert.True(failure.MayHaveBeenApplied);
            Assert.Single(_server.Requests, request => request.StartsWith("DELETE", StringComparison.Ordinal));
            await Assert.ThrowsAsync<ArgumentException>(() => client.UpdateArticleAsync("9", new ArticleChanges()));
            await Assert.ThrowsAsync<ArgumentException>(() => client.GetArticleAsync("../me"));
        }
    }
}
