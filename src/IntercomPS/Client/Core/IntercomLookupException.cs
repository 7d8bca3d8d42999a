using System;

namespace IntercomPS.Client
{
    /// <summary>
    /// A lookup whose answer did not hold exactly the one thing asked for: no user with that email or user id
    /// (<see cref="IntercomApiException.NotFoundType"/>), several (<see cref="IntercomApiException.AmbiguousUserType"/>),
    /// no tag of that name, a conversation that is not the user's. The request itself succeeded, so there is no HTTP
    /// status: the client found it out from the answer. Scripts see the ErrorIds they always saw, Intercom.not_found
    /// (category ObjectNotFound) and Intercom.ambiguous_user.
    /// </summary>
    public sealed class IntercomLookupException : IntercomApiException
    {
        public IntercomLookupException(string method, Uri requestUri, string errorType, string message)
            : base(method, requestUri, null, errorType, message)
        {
        }

        /// <summary>True when the lookup found nothing (rather than too much).</summary>
        public bool FoundNone => ErrorType == NotFoundType;
    }
}
