using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// The writable user fields New- and Set-IntercomUser share. Each binds by property name, from our own User
    /// objects (so Get | Set round-trips) and from Import-Csv rows with the API's snake_case column names.
    /// Fields left out, or blank in a CSV cell, are not sent, so they keep their value.
    /// </summary>
    public abstract class UserWriteCmdlet : IntercomCmdlet
    {
        protected UserWriteCmdlet() => Users = new UserTargets(Composed, writesIdentifiers: true);

        /// <summary>The users each input names (and -ThrottleLimit).</summary>
        private protected UserTargets Users { get; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("created_at")]
        [DateTimeTransformation]
        public DateTime? CreatedAt { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("last_request_at", "last_impression_at", "LastImpressionAt")]
        [DateTimeTransformation]
        public DateTime? LastRequestAt { get; set; }

        /// <summary>Flat key/value data; values are strings, numbers, booleans, dates or $null. JSON text (a CSV cell) works too.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("custom_data")]
        [CustomDataTransformation]
        public Hashtable? CustomData { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("last_seen_ip")]
        public string? LastSeenIp { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("last_seen_user_agent")]
        public string? LastSeenUserAgent { get; set; }

        /// <summary>Companies the user belongs to, each a flat hashtable (id, name, created_at, plan, monthly_spend...).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Hashtable[]? Companies { get; set; }

        /// <summary>The contact's phone number (REST API 2.x; v1 users have none, so there it is refused).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Phone { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("unsubscribed_from_emails")]
        [BooleanTransformation]
        public bool? UnsubscribedFromEmails { get; set; }

        /// <summary>
        /// REST API 2.x: every other property of the piped row (a CSV column) named as a custom contact attribute is that
        /// attribute's value, converted to its declared type (one listing of the workspace's attributes per command); a
        /// value of the wrong type is that row's error, and nothing of the row is sent.
        /// </summary>
        [Parameter]
        public SwitchParameter CustomAttributeColumns { get; set; }

        private System.Threading.Tasks.Task<AttributeColumns>? _columns;
        private readonly SameUserOrder _order = new SameUserOrder();
        private HashSet<string> _commandLine = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        protected override void BeginProcessing()
        {
            // Before the first input, only the command line's parameters are bound.
            _commandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            base.BeginProcessing();
        }

        /// <summary>
        /// Whether this input is one of the module's objects that names a user without describing one (a thread, an
        /// event or its summary, a sent message, a note): its Email, UserId or ContactId say whose, but its own CreatedAt
        /// or Name are not the user's, so only the command line's fields are written. User objects and plain records
        /// (CSV rows, hashtables, custom objects) give their fields as ever.
        /// </summary>
        private bool NamesUserOnly => Users.InputObject?.BaseObject is { } piped && piped is not User && piped.GetType().Assembly == typeof(User).Assembly;

        private T Given<T>(string parameter, T value) => !NamesUserOnly || _commandLine.Contains(parameter) ? value : default!;

        /// <summary>
        /// The request that writes this input's changes to <paramref name="user"/> with <paramref name="write"/>: the
        /// changes are read as it starts (they are this input's parameter values), and sent once every earlier write of
        /// this command to the same user has ended (<see cref="SameUserOrder"/>).
        /// </summary>
        private protected Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<T>> Write<T>(UserTarget user,
            Func<UserIdentity, UserChanges, System.Threading.CancellationToken, System.Threading.Tasks.Task<T>> write) => async token =>
        {
            // All of this runs before the first await, while this input's values are still bound.
            var identity = user.Identity();
            var changes = ChangesAsync(identity, token);
            return await _order.Run(user, async () => await write(identity, await changes.ConfigureAwait(false), token).ConfigureAwait(false)).ConfigureAwait(false);
        };

        /// <summary>
        /// This input's changes, with its custom attribute columns when -CustomAttributeColumns is given. Call it
        /// synchronously from the request (before any await): it reads this input's parameter values.
        /// </summary>
        private protected System.Threading.Tasks.Task<UserChanges> ChangesAsync(UserIdentity user, System.Threading.CancellationToken token)
        {
            var changes = Changes(user);
            if (!CustomAttributeColumns || Users.InputObject is not { } row || NamesUserOnly) return System.Threading.Tasks.Task.FromResult(changes);
            _columns ??= AttributeColumns.ReadAsync(Client.As<IDataAttributes>(), token);
            return WithColumnsAsync(changes, row, _columns);
        }

        private static async System.Threading.Tasks.Task<UserChanges> WithColumnsAsync(UserChanges changes, PSObject row, System.Threading.Tasks.Task<AttributeColumns> columns)
        {
            changes.CustomData = (await columns.ConfigureAwait(false)).Merge(changes.CustomData, row);
            return changes;
        }

        protected UserChanges Changes(UserIdentity user)
        {
            var customData = Given(nameof(CustomData), CustomData);
            var companies = Given(nameof(Companies), Companies);
            return new UserChanges(user)
            {
                Name = Blank(Given(nameof(Name), Name)),
                CreatedAt = Given(nameof(CreatedAt), CreatedAt),
                LastRequestAt = Given(nameof(LastRequestAt), LastRequestAt),
                CustomData = customData is null ? null : ParameterValues.Plain(customData),
                LastSeenIp = Blank(Given(nameof(LastSeenIp), LastSeenIp)),
                LastSeenUserAgent = Blank(Given(nameof(LastSeenUserAgent), LastSeenUserAgent)),
                Companies = companies is null ? null : Array.ConvertAll(companies, company => (IDictionary)ParameterValues.Plain(company)),
                UnsubscribedFromEmails = Given(nameof(UnsubscribedFromEmails), UnsubscribedFromEmails),
                Phone = Blank(Given(nameof(Phone), Phone)),
            };
        }

        private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
    }
}
