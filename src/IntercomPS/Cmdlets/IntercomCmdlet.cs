using System.Management.Automation;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// What every API cmdlet shares, and nothing more: the session (-Session, else Connect-Intercom's), its
    /// <see cref="RequestRunner"/>, and the parameters it composes from the components that declare them
    /// (<see cref="UserTargets"/>, <see cref="TagColor"/>). Only a missing session stops the pipeline before any request.
    /// </summary>
    public abstract class IntercomCmdlet : PSCmdlet, IDynamicParameters
    {
        private IIntercomApi? _client;
        private RuntimeDefinedParameterDictionary? _composed;

        protected IntercomCmdlet() => Requests = new RequestRunner(this, () => Client);

        /// <summary>The session to use instead of the one Connect-Intercom made.</summary>
        [Parameter]
        public IntercomSession? Session { get; set; }

        protected IIntercomApi Client => _client ??= ResolveClient();

        /// <summary>How this cmdlet runs its requests: trace, Ctrl+C, the capability table, the scheduler, answers in order, errors.</summary>
        private protected RequestRunner Requests { get; }

        /// <summary>Where a component declares the shared parameters it reads (in the cmdlet's constructor); none for most.</summary>
        private protected RuntimeDefinedParameterDictionary Composed => _composed ??= new RuntimeDefinedParameterDictionary();

        /// <summary>The composed parameters, or null when the cmdlet has none: they are the same for every invocation.</summary>
        public object? GetDynamicParameters() => _composed;

        protected override void BeginProcessing()
        {
            _client = ResolveClient();
            Requests.Begin();
        }

        protected override void EndProcessing() => Requests.Drain();

        protected override void StopProcessing() => Requests.Stop();

        /// <summary>
        /// Writes a user, with a warning for each value Intercom sent that it could not show. A 2.x user's tags come as
        /// references without names: they are named first, from one tag listing for the whole command (the client's
        /// <see cref="TagNamer"/>); when that fails the user is still written, with its tags' ids, after the error.
        /// </summary>
        protected void WriteUser(User user)
        {
            foreach (var problem in user.Unreadable) WriteWarning($"User {user}: {problem}.");
            if (user.TagsUnnamed)
            {
                var namer = _tagNamer ??= Client.NewTagNamer();
                try
                {
                    user.Tags = Requests.Await(token => namer(user, token));
                    user.TagsUnnamed = false;
                }
                catch (IntercomApiException failure)
                {
                    Requests.WriteFailure(failure, user);
                    WriteWarning($"User {user}: the names of its tags could not be read (the error before says why), so its Tags hold only their ids.");
                }
            }
            WriteObject(user);
        }

        private TagNamer? _tagNamer;

        /// <summary>True when -WhatIf (or $WhatIfPreference) is in effect.</summary>
        protected bool IsWhatIf =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? LanguagePrimitives.IsTrue(whatIf)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        /// <summary>
        /// ShouldProcess for a cmdlet whose -Force skips the prompt: never -WhatIf, which only describes, and never a
        /// -Confirm given explicitly, which asks to be asked.
        /// </summary>
        protected bool ShouldProcessUnlessForced(bool force, string target, string action) =>
            (force && !MyInvocation.BoundParameters.ContainsKey("Confirm") && !IsWhatIf) || ShouldProcess(target, action);

        private IIntercomApi ResolveClient()
        {
            var session = Session ?? CurrentSession.Get();
            if (session is null || session.IsClosed) ThrowTerminatingError(ErrorRecords.NoSession(session));
            return session!.Client;
        }
    }
}
