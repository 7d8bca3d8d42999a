using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// What the cmdlets that get objects by -Id or else list them all, a name filtered here, share
    /// (Get-IntercomHelpCenterCollection, Get-IntercomInternalArticle, Get-IntercomContentSnippet), held by each: a piped
    /// object of another kind refused, a blank id refused, each id one request written as -First and -Skip admit it; the
    /// listing streamed page by page, kept to the names given (wildcards, case ignored; the total then unknown), a failed
    /// page ending it with its error rather than a silent gap.
    /// </summary>
    internal sealed class ByIdOrListing<T> where T : class
    {
        private readonly PagedOutput _paged;
        private readonly string _noun;
        private readonly string _plural;
        private readonly Func<T, string?> _name;

        /// <param name="cmdlet">The cmdlet, which declares SupportsPaging.</param>
        /// <param name="parameters">Its composed parameters, which the hidden -InputObject joins.</param>
        /// <param name="idSet">The parameter set of -Id, the one that takes objects from the pipeline.</param>
        /// <param name="noun">How messages name one: "internal article".</param>
        /// <param name="plural">How they name several: "internal articles".</param>
        /// <param name="name">What the name filter matches: a collection's Name, an article's Title.</param>
        public ByIdOrListing(PSCmdlet cmdlet, RuntimeDefinedParameterDictionary parameters, PipedKind kind, string idSet, string noun, string plural, Func<T, string?> name)
        {
            _paged = new PagedOutput(cmdlet, plural);
            Piped = new PipedObject(parameters, kind, idSet);
            _noun = noun;
            _name = name;
            _plural = plural;
        }

        public PipedObject Piped { get; }

        /// <summary>Gets the object -Id names (ProcessRecord of the -Id set).</summary>
        public void Get(RequestRunner requests, string? id, Func<string, CancellationToken, Task<T>> get, Action<T> write)
        {
            _paged.RefuseTotalCount($"the {_plural} of the listing", $"-Id or piped {_plural}", Piped.InputObject);
            if (Piped.Refuses(requests)) return;
            if (string.IsNullOrWhiteSpace(id))
            {
                requests.Refuse(Piped.InputObject, new PSArgumentException($"Name the {_noun} by -Id (a blank cell names none)."));
                return;
            }
            var trimmed = id!.Trim();
            requests.Submit((object?)Piped.InputObject ?? trimmed, token => get(trimmed, token), found =>
            {
                if (_paged.Admit()) write(found);
            });
        }

        /// <summary>Lists them all, kept to <paramref name="names"/> when given (EndProcessing of the listing's set).</summary>
        public void List(RequestRunner requests, Func<IPageReader<T>> list, string[]? names, Action<T> write)
        {
            if (_paged.Done || requests.Refuses(null)) return;
            var patterns = names is null ? null : Array.ConvertAll(names, name => new WildcardPattern(name, WildcardOptions.IgnoreCase));
            var all = list();
            using var reader = patterns is null ? all : new KeptPages<T>(all, item => Array.Exists(patterns, pattern => pattern.IsMatch(_name(item) ?? string.Empty)));
            try
            {
                _paged.Write(reader, requests, write);
            }
            catch (IntercomApiException failure)
            {
                // A failed page ends the listing: what comes after it would be a silent gap.
                requests.WriteFailure(failure, failure.RequestUri);
            }
        }
    }
}
