using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// What Add- and Remove-IntercomMessageThreadUser share, held by each: the users an input names (the user-target
    /// binder) and the thread it names by -ThreadId, and the add or removal of each user there. A piped thread, or a sent
    /// message (its ConversationId binds -ThreadId), names the thread only: its own Email, UserId and ContactId bind to
    /// -Email, -UserId and -Id by name, but are the user it is already with, so only what the command line gives names
    /// the user to add or remove.
    /// </summary>
    internal sealed class ThreadUserLink
    {
        private static readonly string[] UserParameters = { "Email", "UserId", "Id" };

        private readonly RuntimeDefinedParameterDictionary _parameters;
        private readonly UserTargets _users;
        private readonly bool _add;
        private HashSet<string>? _fromCommandLine;

        /// <param name="add">Add the users (Add-), or remove them (Remove-).</param>
        public ThreadUserLink(RuntimeDefinedParameterDictionary parameters, bool add)
        {
            _parameters = parameters;
            _users = new UserTargets(parameters, namesOwn: new[] { typeof(MessageThread), typeof(SentMessage) });
            _add = add;
        }

        /// <summary>Notes which user parameters the command line gave (BeginProcessing: nothing is piped yet).</summary>
        public void Begin(PSCmdlet cmdlet) =>
            _fromCommandLine = new HashSet<string>(UserParameters.Where(cmdlet.MyInvocation.BoundParameters.ContainsKey), StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Submits the add or removal of each user this input names on thread <paramref name="threadId"/>, once
        /// <paramref name="shouldProcess"/> agrees; <paramref name="linked"/> gets the thread after each.
        /// </summary>
        public void LinkEach(RequestRunner requests, Func<IIntercomApi> client, long threadId, string? adminId, Func<string, string, bool> shouldProcess, Action<MessageThread> linked)
        {
            if (_users.RefusesUnopenedMessage(requests)) return;
            if (PipedThread(_users.InputObject?.BaseObject) is var (what, own, names, isThread))
            {
                // PowerShell binds the command line's -ThreadId and skips the piped thread's own: the user would join
                // (or leave) the other conversation while the thread piped was the one meant.
                if (own != threadId)
                {
                    requests.Refuse(_users.InputObject, new ArgumentException(
                        $"{what} {names}, and -ThreadId names another ({threadId}): pipe it alone, or name the thread by -ThreadId alone."));
                    return;
                }
                // The piped thread's (or sent message's) own user, bound by property name, is not the one named: only the command line's is.
                foreach (var name in UserParameters.Where(name => !_fromCommandLine!.Contains(name))) _parameters[name].Value = null;
                if (!_users.NamesUser)
                {
                    requests.Refuse(_users.InputObject, new ArgumentException(
                        $"{what} {isThread}: name the user to {(_add ? "add to" : "remove from")} it with -Email, -UserId or -Id."));
                    return;
                }
            }
            if (threadId <= 0)
            {
                // A blank cell binds as 0, which is no conversation's id.
                requests.Refuse(_users.InputObject, new PSArgumentException("Name the thread by -ThreadId (a blank cell, or 0, names none)."));
                return;
            }
            var action = (_add ? $"Add to Intercom conversation {threadId}" : $"Remove from Intercom conversation {threadId}") + (adminId is null ? string.Empty : $" as admin {adminId}");
            foreach (var user in _users.Of(requests))
            {
                if (!shouldProcess(user.Describe(), action)) continue;
                var identity = user.Identity();
                requests.Submit(user.Target ?? threadId, token => _add
                    ? client().As<IConversationInbox>().AddConversationUserAsync(threadId, identity, adminId, token)
                    : client().As<IConversationInbox>().RemoveConversationUserAsync(threadId, identity, adminId, token), linked);
            }
        }

        /// <summary>
        /// A piped object that names a thread rather than a user: a thread, or the sent message (Send-IntercomMessage) whose
        /// ConversationId is the thread it opened (one that opened none yet is refused before this, saying why). Both carry the user they are with, which is not the one named.
        /// </summary>
        /// <returns>How errors name it, the thread's id, and how they say it names the thread (beside another, and alone).</returns>
        private static (string What, long ThreadId, string Names, string IsThread)? PipedThread(object? piped) => piped switch
        {
            MessageThread thread => ($"Thread {thread.ThreadId}", thread.ThreadId, "names its thread", "is the thread"),
            SentMessage sent => ($"Message {sent.MessageId}",
                long.TryParse(sent.ConversationId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1,
                $"names the thread it opened ({sent.ConversationId})", $"names the thread it opened ({sent.ConversationId})"),
            _ => null,
        };
    }
}
