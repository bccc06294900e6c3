// Loads the Yew app. Kept in its own file so the CSP needs no inline script.
import init from "./harbour-ui.js";
init();
