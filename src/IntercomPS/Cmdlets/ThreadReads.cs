using System;
using System.Collections;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// What the cmdlets that read something of each thread share (Get-IntercomHandlingEvent, Get-IntercomSideConversation),
    /// held by each: the threads by -ThreadId or piped (other objects refused, PipedKind.ThreadToRead), a missing or
    /// non-positive id refused in the module's words, and one read per thread, several at once, written in order.
    /// </summary>
    internal sealed class ThreadReads
    {
        private readonly PipedObject _piped;
        private readonly string _what;

        /// <param name="what">What is read of each thread, as the refusal of no thread names it: "handling events".</param>
        public ThreadReads(RuntimeDefinedParameterDictionary parameters, string what)
        {
            _piped = new PipedObject(parameters, PipedKind.ThreadToRead);
            _what = what;
        }

        /// <summary>Submits <paramref name="read"/> for each thread this input names; <paramref name="write"/> gets each thread's items.</summary>
        public void Each<T>(RequestRunner requests, long[]? threadIds, Func<long, CancellationToken, Task<T>> read, Action<T> write) where T : IEnumerable
        {
            if (_piped.Refuses(requests)) return;
            if (threadIds is not { Length: > 0 })
            {
                requests.Refuse(_piped.InputObject, new PSArgumentException($"Name the threads whose {_what} to get by -ThreadId, or pipe them from Get-IntercomMessageThread."));
                return;
            }
            foreach (var id in threadIds)
            {
                var target = (object?)_piped.InputObject ?? id;
                if (id <= 0) requests.Refuse(target, new PSArgumentException($"-ThreadId {id} names no thread: a thread's id is a positive number."));
                else requests.Submit(target, token => read(id, token), write);
            }
        }
    }
}
