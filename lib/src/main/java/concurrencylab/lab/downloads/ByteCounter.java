package concurrencylab.lab.downloads;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A response body handler that counts the body's bytes and keeps none of them: the downloaders
 * report sizes, so copying every body into an array would only make garbage. Each call of
 * {@link #handler()} returns a new handler; a subscriber is used by one response, as the
 * {@code HttpClient} contract requires.
 */
final class ByteCounter implements Flow.Subscriber<List<ByteBuffer>> {
    private final AtomicLong count = new AtomicLong();

    private ByteCounter() {
    }

    /** Returns a handler whose body is the number of bytes received. */
    static HttpResponse.BodyHandler<Long> handler() {
        return info -> HttpResponse.BodySubscribers.fromSubscriber(new ByteCounter(), c -> c.count.get());
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        long n = 0;
        for (ByteBuffer b : buffers) {
            n += b.remaining();
        }
        count.addAndGet(n);
    }

    @Override
    public void onError(Throwable error) {
        // the response fails with this error; nothing to count
    }

    @Override
    public void onComplete() {
        // the finisher reads the count
    }
}
