// The README's Hubot 3.5 install recipe, run as written (test/e2e/readme-recipe.ts).
import { describeRecipe } from './readme-recipe'

describeRecipe('3.5')
