using System;
using System.Collections.Generic;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// One user an input names, and what its errors and -WhatIf carry. The identity is built when asked, so a user
    /// with neither email nor id fails as that user's own error rather than the whole command's.
    /// </summary>
    public sealed class UserTarget
    {
        private readonly string? _userId;
        private readonly string? _email;

        private UserTarget(string? userId, string? email, object? target)
        {
            _userId = userId;
            _email = email;
            Target = target;
        }

        /// <summary>The piped object, else the value given on the command line.</summary>
        public object? Target { get; }

        /// <exception cref="ArgumentException">Neither an email nor a user id was given.</exception>
        public UserIdentity Identity() => new UserIdentity(_userId, _email);

        /// <summary>The user's name for -WhatIf and -Confirm messages.</summary>
        public string Describe()
        {
            try
            {
                return Identity().ToString();
            }
            catch (ArgumentException)
            {
                return Target?.ToString() ?? "(no user given)";
            }
        }

        /// <summary>
        /// The users one input names: -Email a,b -UserId c,d pairs them up (or either alone names each); a piped
        /// object with both properties is one user; a piped plain string is an email.
        /// </summary>
        /// <exception cref="ArgumentException">-Email and -UserId have different numbers of values.</exception>
        public static IReadOnlyList<UserTarget> Of(string[]? emails, string[]? ids, PSObject? input)
        {
            if (emails is null && ids is null)
                return new[] { new UserTarget(null, input?.BaseObject as string, input) };
            emails ??= Array.Empty<string>();
            ids ??= Array.Empty<string>();
            if (emails.Length > 0 && ids.Length > 0 && emails.Length != ids.Length)
                throw new ArgumentException($"-Email has {emails.Length} values and -UserId {ids.Length}; give one of them, or the same number of each to pair them up.");
            var targets = new List<UserTarget>();
            for (var i = 0; i < Math.Max(emails.Length, ids.Length); i++)
            {
                var email = i < emails.Length ? emails[i] : null;
                var id = i < ids.Length ? ids[i] : null;
                targets.Add(new UserTarget(id, email, input ?? (object?)id ?? email));
            }
            return targets;
        }
    }
}
