// Reports study activity of an open lesson over the circuit: every interval while the page is visible and, for a
// video lesson, while the video plays. The server's clock decides what is credited; this only says "still here".
export function start(dotNet, intervalMs, videoId) {
    const video = videoId ? document.getElementById(videoId) : null;
    const active = () => document.visibilityState === 'visible' && (!video || (!video.paused && !video.ended));
    const position = () => (video && Number.isFinite(video.currentTime) ? Math.floor(video.currentTime) : null);
    let stopped = false;

    const send = () => {
        if (!stopped) {
            dotNet.invokeMethodAsync('Report', position()).catch(() => { /* a reconnecting circuit: the next tick retries */ });
        }
    };
    const tick = () => { if (active()) { send(); } };
    // Leaving the page or pausing reports once more, so the time up to that moment is not lost.
    const onVisibility = () => { if (document.visibilityState === 'hidden' && (!video || !video.paused)) { send(); } };
    const onPause = () => { if (document.visibilityState === 'visible') { send(); } };

    const timer = setInterval(tick, intervalMs);
    document.addEventListener('visibilitychange', onVisibility);
    video?.addEventListener('play', tick);
    video?.addEventListener('pause', onPause);
    tick();

    return {
        stop() {
            stopped = true;
            clearInterval(timer);
            document.removeEventListener('visibilitychange', onVisibility);
            video?.removeEventListener('play', tick);
            video?.removeEventListener('pause', onPause);
        },
    };
}
