using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// What the cmdlets that delete one object by its -Id share (Remove-IntercomArticle, Remove-IntercomInternalArticle,
    /// Remove-IntercomTicket, Remove-IntercomContentSnippet), held by each: a piped object of another kind, or beside an -Id naming another, is refused;
    /// a blank id is refused; -Confirm names the object by its title when it was piped; the delete is sent once. With
    /// -PassThru the object is read first, so one that is not there fails before anything is deleted, and is written as
    /// it was.
    /// </summary>
    internal sealed class DeleteById<T> where T : class
    {
        private readonly string _noun;
        private readonly string _source;
        private readonly string _action;
        private readonly Func<T, string?> _title;
        private readonly Func<string, T> _idOnly;

        /// <param name="noun">How messages name one: "internal article".</param>
        /// <param name="source">The cmdlet that gets them, which a blank id is told to pipe from.</param>
        /// <param name="action">What -WhatIf and -Confirm say is done.</param>
        /// <param name="title">A piped object's title, which -Confirm names it by.</param>
        /// <param name="idOnly">The object -PassThru writes when it was not read first: only its id.</param>
        public DeleteById(string noun, string source, string action, Func<T, string?> title, Func<string, T> idOnly)
        {
            _noun = noun;
            _source = source;
            _action = action;
            _title = title;
            _idOnly = idOnly;
        }

        /// <summary>Deletes the object this input names, once <paramref name="shouldProcess"/> agrees; <paramref name="deleted"/> gets it with -PassThru.</summary>
        /// <param name="refusesAnother">The piped object's refusal beside an -Id naming another (PipedObject.RefusesAnother...).</param>
        public void Each(PipedObject piped, RequestRunner requests, string? id, Func<RequestRunner, string?, bool> refusesAnother, Func<string, string, bool> shouldProcess,
            bool passThru, Func<string, CancellationToken, Task<T>> get, Func<string, CancellationToken, Task> delete, Action<T> deleted)
        {
            if (piped.Refuses(requests) || refusesAnother(requests, id)) return;
            var target = (object?)piped.InputObject ?? id;
            if (string.IsNullOrWhiteSpace(id))
            {
                requests.Refuse(target, new PSArgumentException($"Name the {_noun} to delete by -Id, or pipe it from {_source} (a blank cell names none)."));
                return;
            }
            var trimmed = id!.Trim();
            var described = piped.InputObject?.BaseObject is T own && _title(own) is { } title ? $"{_noun} '{title}' ({trimmed})" : $"{_noun} {trimmed}";
            if (!shouldProcess(described, _action)) return;
            requests.Submit(target, async token =>
            {
                var before = passThru ? await get(trimmed, token).ConfigureAwait(false) : null;
                await delete(trimmed, token).ConfigureAwait(false);
                return before ?? _idOnly(trimmed);
            }, removed => { if (passThru) deleted(removed); });
        }
    }
}
