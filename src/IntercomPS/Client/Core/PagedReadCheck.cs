using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;

namespace IntercomPS.Client
{
    /// <summary>
    /// Checks one paged read as its pages arrive, so a server whose pages lie ends the read with an
    /// <see cref="IntercomApiException.InvalidResponseType"/> error that names the request, never a hang, a crash or a
    /// silent duplicate: a cursor handed out twice (the walk would loop), a walk beyond twice its first total_count and
    /// a page (items added while walking are normal; that many more are not), an id listed twice, a null or id-less
    /// item, a negative total_count. One per walk: a cursor belongs to its own search.
    /// </summary>
    internal sealed class PagedReadCheck
    {
        private readonly HttpMethod _method;
        private readonly Uri _request;
        private readonly string _noun;
        private readonly int _pageSize;
        private readonly SeenIds _ids;
        private HashSet<string>? _cursors;
        private long _firstTotal = -1;
        private long _bound;
        private long _items;
        private long _pages;

        /// <param name="ids">The ids seen so far: shared by the walks of one listing (its disjoint parts), so an id listed by two of them is caught too.</param>
        public PagedReadCheck(HttpMethod method, Uri request, string noun, int pageSize, SeenIds ids)
        {
            _method = method;
            _request = request;
            _noun = noun;
            _pageSize = Math.Max(1, pageSize);
            _ids = ids;
        }

        /// <summary>
        /// One page, in walk order: its total_count (the first page's sets the bound), its items, and the cursor of the
        /// next page (null on the last).
        /// </summary>
        public void Page<T>(long totalCount, IReadOnlyList<T?> items, Func<T, string?> idOf, string? next) where T : class
        {
            if (_firstTotal < 0)
            {
                if (totalCount < 0) throw Invalid($"the first page says total_count {totalCount}");
                _firstTotal = totalCount;
                _bound = 2 * totalCount + _pageSize;
            }
            // The cursor first: a page handed out again would otherwise read as its users listed twice.
            Cursor(next);
            Items(items, idOf);
            _items += items.Count;
            // Empty pages count too, or a server handing out new cursors with nothing on them would never be stopped.
            if (_items > _bound || ++_pages > _bound)
                throw Invalid(string.Format(CultureInfo.InvariantCulture, "the walk went beyond twice its first total_count ({0:N0}) and a page: {1:N0} {2}s in {3:N0} pages so far", _firstTotal, _items, _noun, _pages));
        }

        /// <summary>The cursor (or next link) a page hands out: one handed out before means the walk would go round in a loop.</summary>
        public void Cursor(string? next)
        {
            if (next is not null && !(_cursors ??= new HashSet<string>(StringComparer.Ordinal)).Add(next))
                throw Invalid($"it handed out the cursor '{next}' again, so the walk would go round in a loop");
        }

        /// <summary>
        /// One page of a walk that has no total and may hand out the same cursor each time (a company scroll, whose
        /// scroll_param names the scroll): only its items are checked. Such a walk cannot loop: every page must bring
        /// items it has not listed, and an empty page ends it.
        /// </summary>
        public void Items<T>(IReadOnlyList<T?> items, Func<T, string?> idOf) where T : class
        {
            // The parts of one listing share their ids and start side by side: one page at a time goes in.
            lock (_ids)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    if (item is null) throw Invalid($"item {i + 1} of a page is null");
                    var id = idOf(item);
                    if (string.IsNullOrEmpty(id)) throw Invalid($"item {i + 1} of a page has no id");
                    if (!_ids.Add(id!)) throw Invalid($"it listed {_noun} {id} twice");
                }
            }
        }

        private IntercomApiException Invalid(string problem) =>
            new IntercomApiException(_method.Method, _request, HttpStatusCode.OK, IntercomApiException.InvalidResponseType,
                $"Intercom's pages do not add up: {problem}. The read stopped there rather than hand out {_noun}s twice or without end.");
    }

    /// <summary>
    /// The ids a paged read has handed out, kept compactly: Intercom's ids are 24 lowercase hex digits (12 bytes) or
    /// decimal numbers (8), so a listing of 100,000 users keeps about 5 MB here instead of 13 as strings. Any other id
    /// is kept as its string.
    /// </summary>
    internal sealed class SeenIds
    {
        private readonly HashSet<PackedId> _packed = new HashSet<PackedId>();
        private HashSet<string>? _others;

        /// <summary>Notes an id; false when it was noted before.</summary>
        public bool Add(string id) =>
            PackedId.TryPack(id, out var packed) ? _packed.Add(packed) : (_others ??= new HashSet<string>(StringComparer.Ordinal)).Add(id);

        private readonly struct PackedId : IEquatable<PackedId>
        {
            private const byte Hex = 1;
            private const byte Decimal = 2;

            private readonly ulong _high;
            private readonly uint _low;
            private readonly byte _kind;

            private PackedId(ulong high, uint low, byte kind)
            {
                _high = high;
                _low = low;
                _kind = kind;
            }

            /// <summary>Only spellings that map one to one: lowercase hex, decimal without leading zeros.</summary>
            public static bool TryPack(string id, out PackedId packed)
            {
                packed = default;
                if (id.Length == 24)
                {
                    ulong high = 0, low = 0;
                    for (var i = 0; i < 24; i++)
                    {
                        var c = id[i];
                        var digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                        if (digit < 0) return false;
                        if (i < 16) high = (high << 4) | (uint)digit;
                        else low = (low << 4) | (uint)digit;
                    }
                    packed = new PackedId(high, (uint)low, Hex);
                    return true;
                }
                if (id.Length is > 0 and <= 19 && (id[0] != '0' || id.Length == 1))
                {
                    ulong number = 0;
                    foreach (var c in id)
                    {
                        if (c < '0' || c > '9') return false;
                        number = number * 10 + (ulong)(c - '0');
                    }
                    packed = new PackedId(number, 0, Decimal);
                    return true;
                }
                return false;
            }

            public bool Equals(PackedId other) => _high == other._high && _low == other._low && _kind == other._kind;

            public override bool Equals(object? obj) => obj is PackedId other && Equals(other);

            public override int GetHashCode() => unchecked((int)_high ^ (int)(_high >> 32) * 31 ^ (int)_low * 17 ^ _kind);
        }
    }
}
