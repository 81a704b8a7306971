// The shared scenarios (scenarios.ts) in Chromium. Run by `npm run test:e2e`.

import { chromiumDriver } from "./chromium";
import { defineScenarios } from "./scenarios";

defineScenarios({ browser: "chromium", start: chromiumDriver });
