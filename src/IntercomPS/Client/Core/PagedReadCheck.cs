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
        public void Page<T>(long totalCount, IReadOnlyList<T?> items, Func<T, string?> idOf, string? next) where T : class =>
            Page((long?)totalCount, items, idOf, next);

        /// <summary>
        /// As above, for any endpoint's pages (Invoke-IntercomRequest -All): a null <paramref name="totalCount"/> is a list
        /// that does not say, which no count bounds, so an empty page that points to another ends it instead; with
        /// <paramref name="idsRequired"/> false an item without an id is not checked for repeats.
        /// </summary>
        public void Page<T>(long? totalCount, IReadOnlyList<T?> items, Func<T, string?> idOf, string? next, bool idsRequired = true) where T : class
        {
            if (_pages == 0)
            {
                if (totalCount < 0) throw Invalid($"the first page says total_count {totalCount}");
                _firstTotal = totalCount ?? -1;
                _bound = totalCount is { } total ? 2 * total + _pageSize : long.MaxValue;
            }
            // The cursor first: a page handed out again would otherwise read as its users listed twice.
            Cursor(next);
            if (next is not null && items.Count == 0 && _bound == long.MaxValue)
                throw Invalid("an empty page pointed to another, and the list gives no total_count to bound the walk");
            Items(items, idOf, idsRequired);
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
        /// One page's items: none null, none without an id (unless <paramref name="idsRequired"/> is false), none listed
        /// before. Alone, for a walk that has no total and may hand out the same cursor each time (a company scroll, whose
        /// scroll_param names the scroll): such a walk cannot loop, as every page must bring items it has not listed and
        /// an empty page ends it.
        /// </summary>
        public void Items<T>(IReadOnlyList<T?> items, Func<T, string?> idOf, bool idsRequired = true) where T : class
        {
            // The parts of one listing share their ids and start side by side: one page at a time goes in.
            lock (_ids)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    if (item is null) throw Invalid($"item {i + 1} of a page is null");
                    var id = idOf(item);
                    if (string.IsNullOrEmpty(id))
                    {
                        if (idsRequired) throw Invalid($"item {i + 1} of a page has no id");
                        continue;
                    }
                    if (!_ids.Add(id!)) throw Invalid($"it listed {_noun} {id} twice");
                }
            }
        }

        /// <summary>Room made now for the ids of <paramref name="count"/> items, which the reader expects to read (<see cref="SeenIds.Reserve"/>).</summary>
        public void ReserveIds(long count)
        {
            lock (_ids) _ids.Reserve(count);
        }

        private IntercomApiException Invalid(string problem) =>
            new IntercomApiException(_method.Method, _request, HttpStatusCode.OK, IntercomApiException.InvalidResponseType,
                $"Intercom's pages do not add up: {problem}. The read stopped there rather than hand out {_noun}s twice or without end.");
    }

    /// <summary>
    /// The ids a paged read has handed out, kept compactly: Intercom's ids are 24 lowercase hex digits (12 bytes) or
    /// decimal numbers (8), held in open-addressed tables of those bytes alone, so a listing of 100,000 users keeps
    /// 1.5 MB here (a HashSet of a packed struct took 28 bytes a slot and kept its old arrays while it grew: 6 MB at
    /// its peak, which put the listing past its 20 MiB bound). Any other id is kept as its string. A reader that knows
    /// how many ids are coming (<see cref="Reserve"/>) has its table made at its final size once: grown by doubling,
    /// the tables left behind added up to as much again, on the large-object heap, which only a full collection frees.
    /// </summary>
    internal sealed class SeenIds
    {
        /// <summary>
        /// The most slots <see cref="Reserve"/> makes up front: 262,144 (3 MB of hex ids, room for 229,376), so a
        /// total_count that lies costs no more before its ids come than an honest listing of that many users.
        /// </summary>
        internal const int MaxReservedSlots = 1 << 18;

        private readonly PackedTable _hex = new PackedTable(withLow: true);
        private readonly PackedTable _decimal = new PackedTable(withLow: false);
        private HashSet<string>? _others;

        /// <summary>
        /// Room for <paramref name="count"/> ids in all (up to <see cref="MaxReservedSlots"/>' worth) in the table that
        /// holds the ids noted so far (the hex one when there are none): call it after the first page, with what the
        /// listing will read (its total_count, or less when only the first pages are wanted).
        /// </summary>
        public void Reserve(long count)
        {
            var table = _decimal.Count > _hex.Count ? _decimal : _hex;
            table.Reserve(count);
        }

        /// <summary>Notes an id; false when it was noted before.</summary>
        public bool Add(string id)
        {
            if (TryHex(id, out var high, out var low)) return _hex.Add(high, low);
            if (TryDecimal(id, out var number)) return _decimal.Add(number, 0);
            return (_others ??= new HashSet<string>(StringComparer.Ordinal)).Add(id);
        }

        /// <summary>Only spellings that map one to one: 24 lowercase hex digits.</summary>
        private static bool TryHex(string id, out ulong high, out uint low)
        {
            high = 0;
            low = 0;
            if (id.Length != 24) return false;
            for (var i = 0; i < 24; i++)
            {
                var c = id[i];
                var digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (digit < 0) return false;
                if (i < 16) high = (high << 4) | (uint)digit;
                else low = (low << 4) | (uint)digit;
            }
            return true;
        }

        /// <summary>Only spellings that map one to one: a decimal without leading zeros that fits 64 bits.</summary>
        private static bool TryDecimal(string id, out ulong number)
        {
            number = 0;
            if (id.Length is 0 or > 19 || (id[0] == '0' && id.Length > 1)) return false;
            foreach (var c in id)
            {
                if (c < '0' || c > '9') return false;
                number = number * 10 + (ulong)(c - '0');
            }
            return true;
        }

        /// <summary>
        /// A set of 64-bit keys, or of 96-bit ones with <c>withLow</c>, in parallel arrays probed linearly and filled to
        /// at most 7/8. The all-zero key marks an empty slot, so it is noted apart.
        /// </summary>
        private sealed class PackedTable
        {
            private ulong[] _highs = new ulong[16];
            private uint[]? _lows;
            private int _count;
            private bool _zero;

            public PackedTable(bool withLow)
            {
                if (withLow) _lows = new uint[16];
            }

            public int Count => _count;

            public bool Add(ulong high, uint low)
            {
                if (high == 0 && low == 0)
                {
                    if (_zero) return false;
                    return _zero = true;
                }
                if ((long)(_count + 1) * 8 > (long)_highs.Length * 7) Grow(_highs.Length * 2);
                if (!Insert(_highs, _lows, high, low)) return false;
                _count++;
                return true;
            }

            /// <summary>Grows once to the slots <paramref name="count"/> keys need (within the cap); never shrinks.</summary>
            public void Reserve(long count)
            {
                var length = _highs.Length;
                while (length < MaxReservedSlots && count * 8 > (long)length * 7) length *= 2;
                if (length > _highs.Length) Grow(length);
            }

            private void Grow(int length)
            {
                var highs = new ulong[length];
                var lows = _lows is null ? null : new uint[highs.Length];
                for (var slot = 0; slot < _highs.Length; slot++)
                {
                    var low = _lows is null ? 0 : _lows[slot];
                    if (_highs[slot] != 0 || low != 0) Insert(highs, lows, _highs[slot], low);
                }
                _highs = highs;
                _lows = lows;
            }

            private static bool Insert(ulong[] highs, uint[]? lows, ulong high, uint low)
            {
                var mask = highs.Length - 1;
                for (var slot = Slot(high, low) & mask; ; slot = (slot + 1) & mask)
                {
                    var slotLow = lows is null ? 0 : lows[slot];
                    if (highs[slot] == high && slotLow == low) return false;
                    if (highs[slot] == 0 && slotLow == 0)
                    {
                        highs[slot] = high;
                        if (lows is not null) lows[slot] = low;
                        return true;
                    }
                }
            }

            /// <summary>Ids made in sequence differ in their last digits: mixed, so neighbours do not cluster.</summary>
            private static int Slot(ulong high, uint low)
            {
                var mixed = unchecked((high ^ (low * 0xC2B2AE3D27D4EB4FUL)) * 0x9E3779B97F4A7C15UL);
                return (int)(mixed >> 33);
            }
        }
    }
}
