// The README's Hubot 14 install recipe, run as written (test/e2e/readme-recipe.ts).
import { describeRecipe } from './readme-recipe'

describeRecipe('14')
