import init from "./harbour-bench-empty-ui.js";
init();
