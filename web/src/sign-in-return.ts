/**
 * The identity provider's return page, opened in the sign-in pop-up: it hands its URL (code and
 * state) to the page that asked, over a same-origin channel, removes the code from the address bar
 * and closes. Nothing is stored.
 */
import { signInChannelName } from "./identity-provider";

const answer = location.href;
history.replaceState(null, "", "/sign-in-return.html");
const channel = new BroadcastChannel(signInChannelName);
channel.postMessage(answer);
channel.close();
window.close();
