using System;

namespace IntercomPS.Client
{
    /// <summary>Which page of which users to list.</summary>
    public sealed class UserListQuery
    {
        /// <summary>The most users the API returns in one page.</summary>
        public const int MaxPageSize = 500;

        private int _page = 1;
        private int _pageSize = MaxPageSize;

        public int Page
        {
            get => _page;
            set => _page = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Page), value, "Pages are numbered from 1.");
        }

        public int PageSize
        {
            get => _pageSize;
            set => _pageSize = value >= 1 && value <= MaxPageSize ? value : throw new ArgumentOutOfRangeException(nameof(PageSize), value, $"A page holds 1 to {MaxPageSize} users.");
        }

        public string? TagName { get; set; }
        public string? TagId { get; set; }

        public UserListQuery ForPage(int page) => new UserListQuery { Page = page, PageSize = PageSize, TagName = TagName, TagId = TagId };
    }
}
