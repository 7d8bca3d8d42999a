using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// The one user-target binder: the users each input names, and the parameters that name them, declared here once
    /// for every cmdlet that acts on users. Users come from -Email / -UserId / -Id (several at once, paired in order),
    /// by property name from piped objects (the module's User objects, Import-Csv rows with email / user_id / id
    /// columns), or as a piped email string; the raw piped object is kept in a hidden -InputObject so errors carry it
    /// as TargetObject. -ThrottleLimit, how many of their requests run at once, is declared here too (the command's
    /// <see cref="RequestScheduler"/> reads it). A cmdlet composes them through IDynamicParameters, which lets each take
    /// them in its own shape from this one declaration: Get-IntercomUser in its Identity parameter set, -Email first.
    /// </summary>
    internal sealed class UserTargets
    {
        private readonly RuntimeDefinedParameter _input;
        private readonly RuntimeDefinedParameter _email;
        private readonly RuntimeDefinedParameter _userId;
        private readonly RuntimeDefinedParameter _id;
        private readonly Type[] _namesOwn;
        private readonly bool _writesIdentifiers;

        /// <param name="parameters">The cmdlet's composed parameters, which these join.</param>
        /// <param name="parameterSet">The set the parameters belong to; all the cmdlet's sets unless it has one for naming users.</param>
        /// <param name="emailFirst">-Email binds the first positional argument.</param>
        /// <param name="contactIdAliases">-Id also binds ContactId and contact_id, as piped threads and CSV columns carry it.</param>
        /// <param name="throttled">The cmdlet takes -ThrottleLimit.</param>
        /// <param name="namesOwn">The kinds of the module's objects that, piped, name what the cmdlet acts with (a Company the
        /// users are linked to, a SubscriptionType they are set for: its own Id is no user's; a thread, or the sent message
        /// that opened it, users join), not a user to refuse.</param>
        /// <param name="writesIdentifiers">-Email and -UserId beside a piped user are what the cmdlet writes to it (a user
        /// write: Get-IntercomUser -UserId 1001 | Set-IntercomUser -Email new@...), not a second user named.</param>
        public UserTargets(RuntimeDefinedParameterDictionary parameters, string parameterSet = ParameterAttribute.AllParameterSets,
            bool emailFirst = false, bool contactIdAliases = true, bool throttled = true, Type[]? namesOwn = null, bool writesIdentifiers = false)
        {
            _namesOwn = namesOwn ?? Type.EmptyTypes;
            _writesIdentifiers = writesIdentifiers;
            ParameterAttribute ByPropertyName() => new ParameterAttribute { ParameterSetName = parameterSet, ValueFromPipelineByPropertyName = true };

            _input = ComposedParameters.Add(parameters, "InputObject", typeof(PSObject), new ParameterAttribute { ParameterSetName = parameterSet, ValueFromPipeline = true, DontShow = true });
            var email = ByPropertyName();
            if (emailFirst) email.Position = 0;
            _email = ComposedParameters.Add(parameters, "Email", typeof(string[]), email);
            _userId = ComposedParameters.Add(parameters, "UserId", typeof(string[]), ByPropertyName(), new AliasAttribute("user_id"));
            _id = contactIdAliases
                ? ComposedParameters.Add(parameters, "Id", typeof(string[]), ByPropertyName(), new AliasAttribute("ContactId", "contact_id"))
                : ComposedParameters.Add(parameters, "Id", typeof(string[]), ByPropertyName());
            if (throttled) ThrottleLimit.Declare(parameters, parameterSet);
        }

        /// <summary>The piped object itself, kept so errors can name exactly the input that failed.</summary>
        public PSObject? InputObject => (PSObject?)_input.Value;

        /// <summary>The users' emails. Blank values (empty CSV cells) count as not given.</summary>
        public string[]? Email => (string[]?)_email.Value;

        public string[]? UserId => (string[]?)_userId.Value;

        /// <summary>
        /// The contact id on REST API 2.x: it finds the user with no search, and binds from piped User objects and CSV
        /// id columns. v1 finds users by -UserId or -Email only.
        /// </summary>
        public string[]? Id => (string[]?)_id.Value;

        /// <summary>Whether this input names any user at all (piped, or -Email / -UserId / -Id given).</summary>
        public bool Given => InputObject is not null || Email is not null || UserId is not null || Id is not null;

        /// <summary>
        /// Whether this input names a user: a non-blank -Email, -UserId or -Id (bound or from a piped object's properties),
        /// or a piped string (an email). A piped thread with a ThreadId and nothing else names only its conversation.
        /// </summary>
        public bool NamesUser => Named(Email) || Named(UserId) || Named(Id) || InputObject?.BaseObject is string;

        /// <summary>
        /// Refuses, in its place among the answers, an input naming no user that is one of the module's objects naming
        /// none either (a thread's message, the session): the thread cmdlets act on the conversation of -ThreadId, or list
        /// the workspace's, for an input without a user, which such an object would do once per piped object.
        /// </summary>
        /// <returns>Whether it was refused, so the input is done with.</returns>
        public bool RefusesWithoutUser(RequestRunner requests)
        {
            if (UserTarget.NotAUser(InputObject?.BaseObject) is not { } refusal) return false;
            requests.Refuse(InputObject, new ArgumentException(refusal));
            return true;
        }

        /// <summary>Refuses, in its place among the answers, a piped sent message that opened no conversation: it names no thread (<see cref="PipedObject.Unopened"/>).</summary>
        /// <returns>Whether it was refused, so the input is done with.</returns>
        public bool RefusesUnopenedMessage(RequestRunner requests)
        {
            if (PipedObject.Unopened(InputObject?.BaseObject) is not { } refusal) return false;
            requests.Refuse(InputObject, new ArgumentException(refusal));
            return true;
        }

        /// <summary>The same for a cmdlet's values as they are now, read by name (the capability table's rows without a user).</summary>
        public static bool NamesUserIn(System.Management.Automation.PSCmdlet cmdlet) =>
            Named(Internal.ParameterValues.Of(cmdlet, "Email") as string[]) || Named(Internal.ParameterValues.Of(cmdlet, "UserId") as string[])
            || Named(Internal.ParameterValues.Of(cmdlet, "Id") as string[]) || (Internal.ParameterValues.Of(cmdlet, "InputObject") as PSObject)?.BaseObject is string;

        private static bool Named(string[]? values) => values is not null && values.Any(value => !string.IsNullOrWhiteSpace(value));

        /// <summary>
        /// Why a piped object of the module's that names its user (a user, a thread, a user's subscription...) beside
        /// -Email, -UserId or -Id from the command line names two users, or null. PowerShell binds the object's other ids
        /// beside the command line's, and a user is found by -Id, else -UserId, else -Email: the input would act on the
        /// piped user while -WhatIf, -Confirm and the answer named the other. A value the object carries itself is its own.
        /// </summary>
        private string? NamedTwice()
        {
            if (_writesIdentifiers || InputObject is not { BaseObject: { } piped } input || piped.GetType().Assembly != typeof(User).Assembly
                || piped is Note || NamesOwn(piped) is not null || UserTarget.NotAUser(piped) is not null) return null;
            var given = new[] { _email, _userId, _id }.FirstOrDefault(parameter => Named((string[]?)parameter.Value) && !Carries(input, parameter));
            return given is null ? null
                : $"{PipedObject.Describe(piped)} names its user, and -{given.Name} names one too: pipe it alone, or name the user by -{given.Name} alone.";
        }

        /// <summary>The kind of <paramref name="piped"/> when it is one that names what the cmdlet acts with; null otherwise.</summary>
        private Type? NamesOwn(object? piped) => Array.Find(_namesOwn, kind => kind.IsInstanceOfType(piped));

        /// <summary>Whether the bound value of <paramref name="parameter"/> is the piped object's own, under the parameter's name or an alias.</summary>
        private static bool Carries(PSObject input, RuntimeDefinedParameter parameter) =>
            (string[]?)parameter.Value is { Length: 1 } values && values[0] is var value && new[] { parameter.Name }.Concat(parameter.Attributes.OfType<AliasAttribute>().SelectMany(alias => alias.AliasNames))
                .Any(name => input.Properties[name]?.Value is { } own && string.Equals(own.ToString(), value, StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// The users this input names, in order. A mismatched -Email / -UserId / -Id pairing is this input's error, and
        /// a target naming no user (a CSV row with neither email nor id) is refused here, in input order, before -WhatIf
        /// or -Confirm are asked about it: a preview shows only what the run would attempt.
        /// </summary>
        public IReadOnlyList<UserTarget> Of(RequestRunner requests)
        {
            if (NamedTwice() is { } twice)
            {
                requests.Refuse(InputObject, new ArgumentException(twice));
                return Array.Empty<UserTarget>();
            }
            IReadOnlyList<UserTarget> targets;
            try
            {
                targets = UserTarget.Of(Email, UserId, Id, InputObject, NamesOwn(InputObject?.BaseObject));
            }
            catch (ArgumentException mismatch)
            {
                requests.WriteFailure(mismatch, InputObject);
                return Array.Empty<UserTarget>();
            }
            var named = new List<UserTarget>(targets.Count);
            foreach (var target in targets)
            {
                if (target.Refusal() is { } refusal) requests.Refuse(target.Target, refusal);
                else named.Add(target);
            }
            return named;
        }
    }
}
