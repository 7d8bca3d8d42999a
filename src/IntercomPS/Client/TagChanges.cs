using System;
using System.Collections.Generic;
using System.Linq;

namespace IntercomPS.Client
{
    /// <summary>A tag to save, and optionally users to tag or untag with it in the same request.</summary>
    public sealed class TagChanges
    {
        public TagChanges(string name)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A tag needs a name.");
            Name = name;
        }

        public string Name { get; }

        private string? _color;

        /// <summary>One of <see cref="Tag.Colors"/>, or null to leave the colour as it is.</summary>
        public string? Color
        {
            get => _color;
            set => _color = value is null || Tag.Colors.Contains(value, StringComparer.OrdinalIgnoreCase)
                ? value?.ToLowerInvariant()
                : throw new ArgumentException($"'{value}' is not a tag colour: use one of {string.Join(", ", Tag.Colors)}.");
        }

        public IList<UserIdentity> Users { get; } = new List<UserIdentity>();

        /// <summary>Untag <see cref="Users"/> instead of tagging them.</summary>
        public bool Untag { get; set; }
    }
}
